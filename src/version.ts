/** Tool version, reported in SARIF and `--version`. Keep in step with package.json (a test checks). */
export const VERSION = '0.2.0';
