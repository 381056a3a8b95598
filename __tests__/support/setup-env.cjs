// Tests pick their own workspace root: a GITHUB_WORKSPACE inherited from a CI runner would
// confine every temp-dir manifest out of the workspace. Tests that need one set it themselves.
delete process.env.GITHUB_WORKSPACE;
