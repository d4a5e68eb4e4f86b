import { describe, expect, it } from "vitest";
import { passwordProblem } from "../../app/modules/accounts/password-policy";
import { checkPasswordPolicy, hashPassword, verifyPassword } from "../../app/modules/accounts/passwords.server";

describe("password policy", () => {
  it("asks for at least 12 characters, counted as characters, not bytes", () => {
    expect(checkPasswordPolicy("short pass!")).toBe("password.tooShort");
    expect(checkPasswordPolicy("éàüöñçøåßæœ")).toBe("password.tooShort");
    expect(checkPasswordPolicy("éàüöñçøåßæœ€")).toBeNull();
  });

  it("accepts long passphrases up to 256 characters and refuses longer", () => {
    expect(checkPasswordPolicy("le chat dort sur le clavier ".repeat(9).slice(0, 256))).toBeNull();
    expect(checkPasswordPolicy("x7".repeat(129))).toBe("password.tooLong");
  });

  it("refuses common passwords and their usual dressing-up", () => {
    for (const weak of ["password1234", "Password1234!", "qwertyuiop123", "123456789012", "aaaaaaaaaaaa", "abcabcabcabc", "1qaz2wsx3edc", "sunshine2024!!"]) {
      expect(checkPasswordPolicy(weak), weak).toBe("password.common");
    }
  });

  it("keeps spaces: a padded password is a different password", async () => {
    const hash = await hashPassword("  mon vélo est bleu  ");
    expect(await verifyPassword(hash, "  mon vélo est bleu  ")).toBe(true);
    expect(await verifyPassword(hash, "mon vélo est bleu")).toBe(false);
  });

  it("uses argon2id with OWASP parameters", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("spends the same work for an unknown account", async () => {
    expect(await verifyPassword(null, "anything at all")).toBe(false);
  });

  it("is a pure rule over an injected list", () => {
    expect(passwordProblem("myfavouritephrase", new Set(["myfavouritephrase"]))).toBe("password.common");
    expect(passwordProblem("myfavouritephrase", new Set())).toBeNull();
  });
});
