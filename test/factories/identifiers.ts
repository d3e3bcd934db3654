/** Valid identifiers that no other test (or test file) uses: profiles keep SNILS unique. */

let snilsSeq = 100_000_000 + Math.floor(Math.random() * 800_000_000);

/** A fresh SNILS with a correct control number (11 digits). */
export function freshSnils(): string {
  const body = String(snilsSeq++ % 1_000_000_000).padStart(9, '0');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(body[i]) * (9 - i);
  const control = sum < 100 ? sum : sum % 101 === 100 ? 0 : sum % 101;
  return body + String(control).padStart(2, '0');
}
