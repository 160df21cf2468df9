/**
 * DOM events between the courseware islands. The lab bus reports terminal
 * commands; changes made outside the terminal (the editor's Save) are
 * announced with this bubbling event, `detail.lab` being the lab key.
 */
export const LAB_CHANGED = 'dnho:lab-changed';
