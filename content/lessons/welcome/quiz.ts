import type { Quiz } from '../../../src/courseware/types';

export const quiz: Quiz = {
  id: 'welcome-quiz',
  title: 'How the course works',
  questions: [
    {
      kind: 'single',
      id: 'grading',
      prompt: 'How does the grader decide that an exercise is done?',
      choices: [
        {
          text: 'It inspects the lab: networks, containers, addresses, name resolution and whether packets get through.',
          correct: true,
          explanation: 'Checks run against the state of the lab, so any sequence of commands that reaches the goal passes.',
        },
        {
          text: 'It compares the commands you typed with the official solution.',
          correct: false,
          explanation: 'Your typed commands are never graded. Two very different command sequences can both pass.',
        },
        {
          text: 'It counts how many hints you opened.',
          correct: false,
          explanation: 'Hints are there to help; opening them does not change whether the checks pass.',
        },
      ],
    },
    {
      kind: 'single',
      id: 'reset',
      prompt: 'You deleted a network the lesson needs and the lab is in a tangle. What does Reset do?',
      choices: [
        {
          text: 'It puts the lab back in the state the lesson started it in.',
          correct: true,
          explanation: 'Reset rebuilds the lesson’s starting lab, including the containers and networks its setup creates.',
        },
        {
          text: 'It undoes only your last command.',
          correct: false,
          explanation: 'There is no undo for single commands; Reset goes back to the lesson’s starting point.',
        },
        {
          text: 'It wipes your progress in every lesson.',
          correct: false,
          explanation: 'Reset is about the lab, not about your progress, which stays in your browser.',
        },
      ],
    },
    {
      kind: 'multiple',
      id: 'lab-facts',
      prompt: 'Which statements about the lab are true? (Choose all that apply.)',
      choices: [
        {
          text: 'node1’s LAN address is 192.168.1.11.',
          correct: true,
          explanation: 'node1’s `eth0` is 192.168.1.11/24 on the 192.168.1.0/24 LAN.',
        },
        {
          text: 'You can open a shell on the laptop with ssh.',
          correct: false,
          explanation: 'The laptop has no shell for you. Exercises use it as a vantage point to test what the LAN can reach.',
        },
        {
          text: 'The alpine image has `wget` and `ping` but no `curl`.',
          correct: true,
          explanation: 'Alpine ships BusyBox tools. Use `wget -qO-` inside alpine, or the netshoot image when you need curl.',
        },
        {
          text: 'Images are downloaded from Docker Hub the first time you use them.',
          correct: false,
          explanation: 'The images the course uses are already on node1, so nothing is pulled.',
        },
      ],
    },
    {
      kind: 'single',
      id: 'progress',
      prompt: 'Where is your course progress kept?',
      choices: [
        {
          text: 'In this browser’s local storage.',
          correct: true,
          explanation: 'Nothing is sent to a server. Another browser, or clearing site data, starts you afresh.',
        },
        {
          text: 'In an account on the course server.',
          correct: false,
          explanation: 'There is no account and no server-side storage.',
        },
        {
          text: 'Inside the lab’s `/root` directory.',
          correct: false,
          explanation: 'The lab is only the emulated host. Progress is tracked by the page, not in the lab’s files.',
        },
      ],
    },
    {
      kind: 'short',
      id: 'rm-flag',
      prompt: 'Which `docker run` flag removes the container automatically when it exits? (Write the flag.)',
      accept: ['--rm'],
      explanation: '`docker run --rm alpine echo hi` prints its line and removes the container straight away, so it leaves nothing behind in `docker ps -a`.',
    },
  ],
};
