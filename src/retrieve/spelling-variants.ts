/**
 * British and American spellings of the same stems. Both directions are generated so a
 * question in either spelling finds text in either.
 */
const PAIRS: Array<[string, string]> = [
  ['haem', 'hem'],
  ['anaem', 'anem'],
  ['oedem', 'edem'],
  ['oesophag', 'esophag'],
  ['paediatr', 'pediatr'],
  ['leukaem', 'leukem'],
  ['tumour', 'tumor'],
  ['oestr', 'estr'],
  ['foet', 'fet'],
  ['diarrhoe', 'diarrhe'],
  ['behaviour', 'behavior'],
  ['anaesth', 'anesth'],
  ['orthopaed', 'orthoped'],
  ['gynaec', 'gynec'],
  ['ischaem', 'ischem'],
  ['glycaem', 'glycem'],
  ['caesar', 'cesar'],
  ['coeliac', 'celiac'],
  ['dyspnoea', 'dyspnea'],
  ['apnoea', 'apnea'],
  ['faec', 'fec'],
  ['labour', 'labor'],
  ['fibre', 'fiber'],
  ['centre', 'center'],
  ['litre', 'liter'],
  ['programme', 'program'],
  ['colour', 'color'],
  ['tumours', 'tumors'],
  ['oesinophil', 'eosinophil'],
  ['sulph', 'sulf'],
  ['aluminium', 'aluminum'],
  ['mould', 'mold'],
  ['hospitalis', 'hospitaliz'],
  ['randomis', 'randomiz'],
  ['immunis', 'immuniz'],
  ['organis', 'organiz'],
  ['minimis', 'minimiz'],
  ['optimis', 'optimiz'],
  ['stabilis', 'stabiliz'],
  ['paralys', 'paralyz'],
  ['analys', 'analyz'],
  ['catheteris', 'catheteriz'],
  ['characteris', 'characteriz'],
  ['frusemide', 'furosemide'],
  ['paracetamol', 'acetaminophen'],
  ['adrenaline', 'epinephrine'],
  ['salbutamol', 'albuterol'],
  ['glyceryl trinitrate', 'nitroglycerin'],
];

/** Other spellings of a lower-case token (possibly none). */
export function spellingVariants(token: string): string[] {
  const variants = new Set<string>();
  for (const [british, american] of PAIRS) {
    if (token.includes(british)) variants.add(token.replace(british, american));
    else if (token.includes(american) && !token.includes(british)) {
      // Only map American → British at the start of a word, where the stems are unambiguous.
      if (token.startsWith(american)) variants.add(british + token.slice(american.length));
    }
  }
  variants.delete(token);
  return [...variants];
}
