/** Words that carry no topic: question scaffolding and function words. */
export const STOPWORDS = new Set(
  `a about above after again against all also am an and any are aren as at be because been before being below between both
  but by can cannot could did do does doing done down during each either else etc ever every few for from further get gets
  getting got had has have having he her here hers herself him himself his how however i if in into is isn it its itself
  just kind know let like made make many may me might more most much must my myself need needs no nor not now of off
  often on once one only or other others ought our ours ourselves out over own per please really regarding related same
  shall she should so some such than that the their theirs them themselves then there these they this those through
  thus to too under until up upon us use used using very via was we were what whats when where whether which while who
  whom whose why will with within without would you your yours yourself yourselves tell explain describe give list
  best way ways approach thing things someone something people person patient patients take takes taking took
  start started starting safe okay ok`.split(/\s+/),
);

/**
 * Words that say what kind of answer is wanted rather than what it is about. They stay in
 * the query (they match the passages that answer that kind of question) at a lower weight.
 */
export const TYPE_WORDS = new Set(
  `treat treated treating treatment treatments therapy therapies manage managed management managing cure cured
  dose doses dosing dosage diagnose diagnosed diagnosis diagnosing test tests testing exam exams symptom symptoms sign signs
  cause causes caused prevent prevented prevention preventing outlook prognosis inherited inheritance inherit genetic genetics
  gene genes change changes frequency affected research trials clinical monitor monitoring screen screening complication
  complications risk risks first line option options recommended recommendation recommendations guideline guidelines
  side effect effects adverse safety toxicity interaction interactions contraindication contraindications`.split(/\s+/),
);
