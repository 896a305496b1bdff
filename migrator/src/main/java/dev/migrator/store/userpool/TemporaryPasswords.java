package dev.migrator.store.userpool;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Random passwords that meet a pool's password policy; never logged, only written to an owner-only file. */
final class TemporaryPasswords {
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    /** From Cognito's allowed special characters; none that need quoting in CSV. */
    private static final String SYMBOLS = "^$*.[]{}()?!@#%&/<>:;|_~-";
    private static final int LENGTH = 20;

    private final SecureRandom random = new SecureRandom();
    private final UserPoolInfo.PasswordRules rules;

    TemporaryPasswords(UserPoolInfo.PasswordRules rules) {
        this.rules = rules;
    }

    String next() {
        List<Character> chars = new ArrayList<>();
        // one of every class, whatever the policy asks, so any policy is met
        for (String set : List.of(UPPER, LOWER, DIGITS, SYMBOLS)) {
            chars.add(set.charAt(random.nextInt(set.length())));
        }
        String all = UPPER + LOWER + DIGITS + SYMBOLS;
        int length = Math.max(LENGTH, rules.minimumLength());
        while (chars.size() < length) {
            chars.add(all.charAt(random.nextInt(all.length())));
        }
        Collections.shuffle(chars, random);
        StringBuilder password = new StringBuilder(length);
        chars.forEach(password::append);
        return password.toString();
    }
}
