/**
 * Screens a question before retrieval: emergencies (a person describing red-flag
 * symptoms now), crises, manipulation attempts and questions that are not about health.
 * Pure and deterministic: no model is asked.
 */
export type Triage =
  | {
      kind: 'emergency';
      reason: string;
      message: string /** A question that finds useful content for this emergency. */;
      followUp: string;
    }
  | { kind: 'out_of_scope'; reason: 'not_health' | 'manipulation' | 'empty'; message: string }
  | { kind: 'clinical'; question: string };

export const EMERGENCY_MESSAGE =
  'This may be a medical emergency. Call your local emergency number now (911 in the US and Canada, 112 in the EU, 999 in the UK) or go to the nearest emergency department. Do not drive yourself, and do not wait for symptoms to pass.';

export const CRISIS_MESSAGE =
  'If you are thinking about harming yourself or are in danger, call or text 988 (Suicide & Crisis Lifeline, US), call your local emergency number (911, 112, 999), or go to the nearest emergency department now. You are not alone, and help is available right away.';

export const OUT_OF_SCOPE_MESSAGE =
  'Vesalius answers questions about health and medicine from its cited sources. This question is outside that scope, so no answer is given.';

export const MANIPULATION_MESSAGE =
  'This request asks Vesalius to change or reveal how it works rather than asking a health question. It cannot do that. Ask a clinical question and it will answer from its cited sources.';

/** For each red flag, the clinical question whose answer is worth showing after the emergency message. */
const FOLLOW_UPS: Record<string, string> = {
  crisis: 'suicide risk in major depression',
  'stroke signs': 'acute ischemic stroke symptoms BE-FAST emergency',
  'chest pain': 'acute coronary syndrome chest pain symptoms',
  breathing: 'acute shortness of breath emergency',
  anaphylaxis: 'anaphylaxis epinephrine',
  unresponsive: 'cardiac arrest CPR',
  seizure: 'status epilepticus seizure first aid',
  bleeding: 'upper gastrointestinal bleeding',
  'overdose or poisoning': 'opioid overdose naloxone',
  'worst headache': 'subarachnoid hemorrhage thunderclap headache',
  'infant fever': 'fever in infants',
  'sepsis signs': 'sepsis recognition',
};

const RED_FLAGS: Array<[string, RegExp]> = [
  [
    'stroke signs',
    /\b(can'?t|cannot|can not|unable to|couldn'?t) (move|lift|feel) (his|her|my|their|the|one)?\s*(right|left)?\s*(arm|leg|side|face)\b|\b(face|mouth|smile) (is )?(droop|drooping|uneven)|\bslurred speech\b|\bspeech (is )?slurred\b|\bsudden(ly)? (weakness|numbness|confusion|trouble (speaking|seeing|walking))\b|\bone side of (his|her|my|the) (body|face)\b/,
  ],
  [
    'chest pain',
    /\bchest (pain|pressure|tightness)\b.*\b(now|right now|sweat|sweating|arm|jaw|short of breath|crushing|radiat|won'?t go away|for (the last|\d+) )|\b(crushing|severe|sudden) chest pain\b|\bheart attack\b/,
  ],
  [
    'breathing',
    /\b(can'?t|cannot|struggling to|hard to|trouble|difficulty) breath(e|ing)\b|\b(isn'?t|is not|not|stopped|wasn'?t|no longer) breathing\b|\bchoking\b|\blips (are |turning )?(blue|grey|gray)\b|\bturning blue\b/,
  ],
  ['anaphylaxis', /\b(throat|tongue|lips?) (is |are )?(swelling|swollen|closing)\b|\banaphyla/],
  [
    'unresponsive',
    /\b(unconscious|unresponsive|won'?t wake up|can'?t wake (him|her|them)|passed out and)\b|\bcollapsed\b/,
  ],
  [
    'seizure',
    /\b(having|is having|having a) (a )?seizure\b|\bseizure (that )?(won'?t stop|lasting|for \d+)|\bfitting\b/,
  ],
  [
    'bleeding',
    /\b(bleeding (heavily|a lot|won'?t stop|that won'?t stop)|severe bleeding|vomiting blood|throwing up blood|coughing up blood|blood in (my|his|her) vomit)\b/,
  ],
  [
    'overdose or poisoning',
    /\b(overdos|took too many|swallowed (a|some|the)? ?(bottle|pills|bleach|poison)|poison(ed|ing))\b/,
  ],
  ['worst headache', /\bworst headache\b|\bthunderclap\b|\bsudden severe headache\b/],
  ['infant fever', /\b(baby|newborn|infant)\b.*\b(fever|temperature|not breathing|limp|blue)\b/],
  ['sepsis signs', /\b(confused|confusion)\b.*\b(fever|infection)\b.*\b(cold|clammy|mottled)\b/],
];

const CRISIS = /\b(kill (myself|himself|herself)|suicid|end (my|his|her) life|want to die|self[- ]harm|hurt myself)\b/;

/** Someone describing a situation now, rather than a clinician asking in general. */
const PERSONAL =
  /\b(i|i'm|im|i've|me|my|we|our|he|she|his|her|him|mom|mum|dad|father|mother|son|daughter|husband|wife|partner|friend|baby|child|kid)\b|\bright now\b|\bwhat should i do\b|\bhelp\b/;
const GENERAL =
  /\b(a|the) patient\b|\bpatients\b|\bin (adults|children)\b|\bmanagement of\b|\bguidelines?\b|\bhow (is|are) .* (treated|managed|diagnosed)\b/;

const MANIPULATION = [
  /\b(ignore|disregard|forget|override|bypass)\b.{0,40}\b(previous|prior|above|earlier|all|your|the)\b.{0,30}\b(instructions?|prompts?|rules?|guidelines?|directives?)\b/,
  /\b(system|developer|hidden|initial) (prompt|message|instructions?)\b/,
  /\b(reveal|print|show|display|output|repeat|dump|tell me)\b.{0,40}\b(prompt|instructions|configuration|config|api key|secret|password|environment variables?|env)\b/,
  /\byou are now\b|\bact as (?!a (doctor|physician|clinician))|\bpretend (to be|you are)\b|\bjailbreak\b|\bdo anything now\b|\bDAN\b/,
];

/** Words and word parts that mark a question as being about health. */
const HEALTH = new RegExp(
  [
    '\\b(health|medical|medicine|medication|drug|dose|dosing|tablet|pill|injection|vaccine|vaccination|clinic|doctor|physician|nurse|hospital|patient|symptom|sign|diagnos|treat|therapy|cure|disease|disorder|syndrome|condition|infection|virus|bacteri|fung|cancer|tumou?r|pain|ache|fever|cough|rash|itch|swelling|bleed|blood|pressure|sugar|cholesterol|heart|lung|kidney|renal|liver|hepat|brain|nerve|skin|bone|joint|muscle|stomach|bowel|colon|bladder|urine|pregnan|birth|baby|infant|child|menopaus|period|fertility|contracept|allerg|asthma|diabet|insulin|thyroid|hormone|anemi|anaemi|depress|anxiety|mental|sleep|insomnia|alcohol|smok|opioid|addict|withdraw|overdose|surgery|screening|test|scan|x-ray|mri|biopsy|lab|antibiotic|steroid|immun|arthritis|gout|lupus|migraine|headache|seizure|epilep|stroke|dementia|vomit|nause|diarrh|constipat|weight|obes|nutrition|vitamin|diet|exercise|wound|burn|fracture|injur|eye|ear|throat|tooth|dental|prognosis|risk|prevent|mortality|survival|trial|study|outcome|incidence|prevalence|gene|genetic|inherit|mutation|chronic|acute|sick|ill|fatigue|tired|dizz|faint|breath|pneumon|sepsis|shock|trauma|poison|toxic|side effect|adverse)',
    '(itis|osis|emia|aemia|oma|pathy|ectomy|algia|plasia|trophy|penia|uria|mab|nib|pril|sartan|olol|statin|azole|cillin|mycin|floxacin|gliflozin|glutide|parin|xaban|gatran|dronate|tidine|prazole|triptan|setron|lukast|tide|vir|zumab|ximab)\\b',
  ].join('|'),
);

export function triageQuestion(raw: string, knownTerms: (text: string) => boolean = () => false): Triage {
  const question = raw.replace(/\s+/g, ' ').trim();
  if (question.length === 0)
    return { kind: 'out_of_scope', reason: 'empty', message: 'The question is empty. Ask a clinical question.' };
  const lower = question.toLowerCase();

  if (CRISIS.test(lower))
    return { kind: 'emergency', reason: 'crisis', message: CRISIS_MESSAGE, followUp: FOLLOW_UPS['crisis'] ?? question };
  for (const [reason, pattern] of RED_FLAGS) {
    if (pattern.test(lower) && PERSONAL.test(lower) && !GENERAL.test(lower)) {
      return { kind: 'emergency', reason, message: EMERGENCY_MESSAGE, followUp: FOLLOW_UPS[reason] ?? question };
    }
  }

  // Manipulation: drop the manipulative sentences; what remains is answered (no special
  // treatment), and a request that was only manipulation is refused.
  const sentences = question.split(/(?<=[.!?;:])\s+|\n+/);
  const kept = sentences.filter(
    (sentence) => !MANIPULATION.some((pattern) => pattern.test(sentence.toLowerCase()) || pattern.test(sentence)),
  );
  const remaining = kept.join(' ').trim();
  const manipulated = kept.length < sentences.length;
  if (manipulated && !isHealthQuestion(remaining, knownTerms)) {
    return { kind: 'out_of_scope', reason: 'manipulation', message: MANIPULATION_MESSAGE };
  }
  if (!isHealthQuestion(remaining, knownTerms))
    return { kind: 'out_of_scope', reason: 'not_health', message: OUT_OF_SCOPE_MESSAGE };
  return { kind: 'clinical', question: remaining };
}

function isHealthQuestion(text: string, knownTerms: (text: string) => boolean): boolean {
  if (text.length === 0) return false;
  return HEALTH.test(text.toLowerCase()) || knownTerms(text);
}
