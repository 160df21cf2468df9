#!/usr/bin/env python3
"""Records golden outputs of the real docker CLI's Go templates and tables.

No daemon is needed: `docker context inspect -f` runs the same inspect.Inspect code as
`docker inspect -f` (typed pass only: contexts have no raw JSON), and `docker context ls
--format` runs the same formatter.Context and tabwriter as `docker network ls`.
The context "probe" carries extra metadata, which docker decodes into map[string]any
(AdditionalFields); inspect-data.ts in the tests models exactly that data.

Usage: python3 record-docker-cli.py > docker-cli-golden.json   (needs `docker` on PATH)
"""
import hashlib, json, os, shutil, subprocess, sys

CASES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden-cases.json")

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
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)

main()
