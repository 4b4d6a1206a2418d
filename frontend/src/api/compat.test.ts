import { expect, test } from 'vitest';

import { incompatibility, requiredSchemaVersion } from './compat';

test('a server at or above the needed schema version is accepted', () => {
  expect(incompatibility(requiredSchemaVersion, '1.0.0')).toBeUndefined();
  expect(incompatibility(requiredSchemaVersion + 3, '2.0.0')).toBeUndefined();
});

test('an older server is refused with both versions named', () => {
  const why = incompatibility(requiredSchemaVersion - 1, '0.9.0');
  expect(why).toContain('0.9.0');
  expect(why).toContain(`version ${requiredSchemaVersion}`);
});
