/** What a single medicine may meet besides another medicine ("atorvastatin with grapefruit", "drink alcohol with amoxicillin"). */
export const SUBSTANCE =
  /\b(?:with|and|drink|drinking|have|having) (alcohol|beer|wine|spirits|grapefruit(?: juice)?|food|milk|dairy|caffeine|coffee|antacids?|calcium|iron|magnesium|zinc|multivitamins?|supplements?|st\.? john'?s wort)\b/i;

/** The same things named anywhere in a question ("Is coffee bad for high blood pressure?"). */
export const SUBSTANCE_WORD =
  /\b(alcohol|grapefruit(?: juice)?|caffeine|coffee|milk|dairy|antacids?|multivitamins?|st\.? john'?s wort)\b/i;
