/** The longest question accepted, in characters: the API, the web app's boxes and the CLI share it. */
export const MAX_QUESTION_CHARS = 20_000;
