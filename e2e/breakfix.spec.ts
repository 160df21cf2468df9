/**
 * A student solving one break-fix lab of the troubleshooting lesson
 * (content/lessons/troubleshooting): the variant handed out in the address,
 * the symptom only, the checklist failing, the diagnosis done with the real
 * tools in the lab's own terminal, the fix turning the exercise to passed,
 * the diagnosis question answered; and another variant being another lab.
 * Then a three-host lab (the overlay MTU black hole) solved through ssh.
 */
import { expect, test } from '@playwright/test';
import { expectScreen, typeCommand, waitReady } from './helpers';

// Variant 2 of the DOCKER-USER lab: portal (httpd) published on 8000, dropped by `-i eth0 -p tcp --dport 80 -j DROP`.
const LESSON = 'lessons/troubleshooting/?variant=2';

test('a break-fix lab: diagnosed in its terminal, fixed, graded by the fix and the diagnosis', async ({ page }) => {
  await page.goto(LESSON);
  const lab = page.locator('#breakfix-docker-user');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab).toHaveAttribute('data-variant', '2');
  await expect(lab.locator('select[data-part="variant"]')).toHaveValue('2');
  await expect(lab.locator('.dnho-breakfix__symptom')).toContainText('http://node1:8000/');

  const term = await waitReady(page, 'docker-user-v2');
  const exercise = lab.locator('#exercise-docker-user-fix');
  await expect(exercise.locator('[data-check="up"]')).toHaveAttribute('data-state', 'pass');
  await expect(exercise.locator('[data-check="laptop"]')).toHaveAttribute('data-state', 'fail');
  // The checklist says that it fails, never why: the why is the lab.
  await expect(exercise.locator('[data-check="laptop"] [data-part="check-reason"]')).toBeHidden();
  await expect(exercise).not.toHaveAttribute('data-passed', 'true');

  // The symptom, reproduced: the laptop times out; node1 itself gets the page.
  await typeCommand(page, term, 'ssh laptop curl -m 2 -s -o /dev/null -w "%{http_code}" http://node1:8000/; echo " exit=$?"');
  await expectScreen(term, /000 exit=28$/m);
  // -S rather than -L -v: its lines fit the terminal's 80 columns without wrapping.
  await typeCommand(page, term, 'iptables -S DOCKER-USER');
  await expectScreen(term, /^-A DOCKER-USER -i eth0 -p tcp -m tcp --dport 80 -j DROP$/m);

  // A wrong fix first: an ACCEPT appended below the DROP changes nothing.
  await typeCommand(page, term, 'iptables -A DOCKER-USER -p tcp --dport 80 -j ACCEPT');
  await expect(exercise.locator('[data-check="laptop"]')).toHaveAttribute('data-state', 'fail');

  await typeCommand(page, term, 'iptables -D DOCKER-USER -i eth0 -p tcp --dport 80 -j DROP');
  await expect(exercise).toHaveAttribute('data-passed', 'true');
  await expect(exercise.locator('[data-check][data-state="pass"]')).toHaveCount(2);

  const quiz = lab.locator('#quiz-docker-user-diagnosis');
  await quiz.getByLabel('A firewall rule on the host dropped the traffic').check();
  await quiz.getByRole('button', { name: 'Check answers' }).click();
  await expect(quiz.locator('[data-part="verdict"]')).toHaveText('Correct.');
  await expect(quiz.locator('[data-part="score"]')).toHaveText('You got 1 of 1 right. Well done!');
  await expect(quiz.locator('[data-part="explanation"]:visible')).toContainText('DOCKER-USER');

  // Another variant is another lab, broken again.
  await lab.locator('select[data-part="variant"]').selectOption('3');
  await expect(lab).toHaveAttribute('data-variant', '3');
  await waitReady(page, 'docker-user-v3');
  await expect(lab.locator('#exercise-docker-user-fix [data-check="laptop"]')).toHaveAttribute('data-state', 'fail');
});

test('a three-host break-fix lab: the MTU black hole found with ping sizes and fixed on the node', async ({ page }) => {
  // Variant 1 of the overlay MTU lab: the client on node2, node2's eth0 at MTU 1400.
  await page.goto('lessons/troubleshooting/?variant=1');
  const lab = page.locator('#breakfix-overlay-mtu');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab).toHaveAttribute('data-variant', '1');
  const term = await waitReady(page, 'overlay-mtu-v1');
  const exercise = lab.locator('#exercise-overlay-mtu-fix');
  await expect(exercise.locator('[data-check="good"]')).toHaveAttribute('data-state', 'pass');
  await expect(exercise.locator('[data-check="bad"]')).toHaveAttribute('data-state', 'fail');

  await typeCommand(page, term, 'ssh node2 docker exec client-node2 ping -c1 -s 1000 api');
  await expectScreen(term, /^1008 bytes from 10\.\d+\.\d+\.\d+: seq=0/m);
  await typeCommand(page, term, 'ssh node2 docker exec client-node2 ping -c1 -W 1 -s 1400 api');
  await expectScreen(term, /^1 packets transmitted, 0 packets received, 100% packet loss$/m);
  await typeCommand(page, term, 'ssh node2 ip link show eth0');
  await expectScreen(term, /^2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1400 /m);

  await typeCommand(page, term, 'ssh node2 ip link set eth0 mtu 1500');
  await expect(exercise).toHaveAttribute('data-passed', 'true');
  await expect(exercise.locator('[data-check][data-state="pass"]')).toHaveCount(2);
});
