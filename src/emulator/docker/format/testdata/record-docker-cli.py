#!/usr/bin/env python3
"""Records golden outputs of the real docker CLI's Go templates and tables.

No real daemon is needed:
- `docker context inspect -f` runs the same inspect.Inspect code as `docker inspect -f`
  (typed pass only: contexts have no raw JSON); the context "probe" carries extra
  metadata, which docker decodes into map[string]any (AdditionalFields).
- `docker context ls --format` runs the same formatter.Context and tabwriter as
  `docker network ls`.
- `docker inspect web -f` talks to a fake daemon on a unix socket that serves
  `webContainerJson` (marshal(webContainer()) from web-container.ts), so the CLI's full
  typed-then-raw fallback runs for real.

Usage: python3 record-docker-cli.py > docker-cli-golden.json   (needs `docker` on PATH)
After editing web-container.ts, refresh webContainerJson in golden-cases.json first
(the test "serves the JSON the model marshals to" says when it is stale).
"""
import hashlib, http.server, json, os, re, shutil, socketserver, subprocess, sys, threading

CASES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden-cases.json")


def fake_daemon(sock, containers):
    """Just enough of the Engine API for `docker inspect NAME`: /_ping and container JSON."""
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        def log_message(self, *args): pass
        def reply(self, code, body, ctype="application/json"):
            data = body.encode()
            self.send_response(code)
            for k, v in (("Content-Type", ctype), ("Api-Version", "1.50"), ("Ostype", "linux"),
                         ("Content-Length", str(len(data)))):
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(data)
        def do_HEAD(self): self.reply(200, "")
        def do_GET(self):
            path = self.path.split("?")[0]
            if path.endswith("/_ping"):
                return self.reply(200, "OK", "text/plain")
            m = re.match(r"^/v[\d.]+/containers/([^/]+)/json$", path)
            if m and m.group(1) in containers:
                return self.reply(200, containers[m.group(1)])
            return self.reply(404, json.dumps({"message": "No such object: " + path}))
    class Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
        daemon_threads = True
        def get_request(self):
            request, _ = super().get_request()
            return request, ("local", 0)
    if os.path.exists(sock):
        os.unlink(sock)
    server = Server(sock, Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()

def main():
    cases = json.load(open(CASES))
    # A fixed directory: the context's storage paths appear in the recorded output.
    cfg = "/tmp/docker-golden-config"
    shutil.rmtree(cfg, ignore_errors=True)
    os.makedirs(cfg)
    env = dict(os.environ, DOCKER_CONFIG=cfg)
    env.pop("DOCKER_CONTEXT", None); env.pop("DOCKER_HOST", None)
    for name, desc, host in cases["contexts"]:
        subprocess.run(["docker", "context", "create", name, "--description", desc,
                        "--docker", "host=" + host], env=env, check=True, capture_output=True)
    meta = {"Name": "probe", "Metadata": cases["probeMetadata"],
            "Endpoints": {"docker": {"Host": "tcp://10.0.0.9:2375", "SkipTLSVerify": False}}}
    d = os.path.join(cfg, "contexts", "meta", hashlib.sha256(b"probe").hexdigest())
    os.makedirs(d, exist_ok=True)
    json.dump(meta, open(os.path.join(d, "meta.json"), "w"))

    def run(args):
        p = subprocess.run(["docker"] + args, env=env, capture_output=True)
        return {"stdout": p.stdout.decode(errors="replace"), "stderr": p.stderr.decode(errors="replace"), "code": p.returncode}

    version = subprocess.run(["docker", "version", "--format", "{{.Client.Version}} {{.Client.GoVersion}}"],
                             env=env, capture_output=True).stdout.decode().strip()
    out = {"recordedWith": "docker CLI " + version, "inspect": [], "ls": []}
    for t in cases["inspect"]:
        out["inspect"].append(dict(template=t, **run(["context", "inspect", "probe", "--format", t])))
    for f in cases["ls"]:
        args = ["context", "ls"] + ([] if f is None else ["--format", f])
        out["ls"].append(dict(format=f, **run(args)))
    sock = os.path.join(cfg, "fake-dockerd.sock")
    fake_daemon(sock, {"web": cases["webContainerJson"]})
    env["DOCKER_HOST"] = "unix://" + sock
    out["inspectWeb"] = [dict(template=t, **run(["inspect", "web", "--format", t])) for t in cases["inspectWeb"]]
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)

main()
