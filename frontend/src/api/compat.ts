// The oldest server schema this app can work with: raise it when the app
// starts to use something a server gained in a later schema version.
// Version 2 made the lists that grow cursor connections, which the views
// page through; version 3 made dueCheckIns one, which the team view reads.
export const requiredSchemaVersion = 3;

/** Why the server is too old, or undefined when it is new enough. */
export function incompatibility(schemaVersion: number, serverVersion: string): string | undefined {
  if (schemaVersion >= requiredSchemaVersion) return undefined;
  return (
    `The server (release ${serverVersion}) speaks schema version ${schemaVersion}; ` +
    `this app needs version ${requiredSchemaVersion} or later. Ask your administrator to upgrade the server.`
  );
}
