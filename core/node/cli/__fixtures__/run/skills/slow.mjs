/* global setTimeout */
// Waits a little and passes its input on (the crash-recovery test kills the run mid-loop).
export async function tick(input) {
  await new Promise((resolve) => setTimeout(resolve, 40));
  return input;
}
