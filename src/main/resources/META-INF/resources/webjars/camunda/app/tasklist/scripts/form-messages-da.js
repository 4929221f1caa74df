// Tasklist's forms (form-js) write their validation messages in English and offer no setting for
// them, so this custom script (config.js, customScripts) puts them in Danish as they appear.
const MESSAGES = [
  [/^Field is required\.$/, () => 'Feltet skal udfyldes.'],
  [/^Field must have minimum length of (\d+)\.$/, (m) => `Skriv mindst ${m[1]} tegn.`],
  [/^Field must have maximum length of (\d+)\.$/, (m) => `Skriv højst ${m[1]} tegn.`],
  [/^Field must have minimum value of (.+)\.$/, (m) => `Værdien skal være mindst ${m[1]}.`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `Værdien må højst være ${m[1]}.`],
  [/^Field must match pattern .*\.$/, () => 'Feltet er ikke udfyldt på den rigtige måde. Se forklaringen under feltet.'],
  [/^Field must be a valid email\.$/, () => 'Skriv en gyldig e-mailadresse.'],
  [/^Field must be a valid\s+international phone number\..*$/, () => 'Skriv et telefonnummer med landekode, fx +4512345678.']
];

function danish(text) {
  for (const [pattern, replace] of MESSAGES) {
    const match = text.match(pattern);
    if (match) {
      return replace(match);
    }
  }
  return null;
}

function translate(root) {
  const errors = root.querySelectorAll ? root.querySelectorAll('.fjs-form-field-error li, .fjs-form-field-error span') : [];
  errors.forEach((element) => {
    if (element.children.length === 0) {
      const text = danish(element.textContent.trim());
      if (text !== null) {
        element.textContent = text;
      }
    }
  });
}

new MutationObserver((changes) => {
  changes.forEach((change) => {
    const target = change.target.nodeType === Node.TEXT_NODE ? change.target.parentElement : change.target;
    if (target && target.closest && target.closest('.fjs-form-field-error')) {
      translate(target.closest('.fjs-form-field-error'));
    } else if (target) {
      translate(target);
    }
  });
}).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
