package dev.migrator.store.userpool;

import java.util.List;

/** A user pool as DescribeUserPool shows it; the user count is Cognito's estimate. */
public record UserPoolInfo(String id, String name, long estimatedUsers, List<String> usernameAttributes,
                           List<String> aliasAttributes, String mfa, List<AttributeSpec> attributes, PasswordRules passwordRules) {
    public UserPoolInfo {
        usernameAttributes = List.copyOf(usernameAttributes);
        aliasAttributes = List.copyOf(aliasAttributes);
        attributes = List.copyOf(attributes);
    }

    /** "username", or the attributes that serve as username (email, phone_number). */
    public String signInWith() {
        return usernameAttributes.isEmpty() ? "username" + (aliasAttributes.isEmpty() ? "" : " (aliases " + aliasAttributes + ")")
                : String.join(" or ", usernameAttributes) + " as username";
    }

    public java.util.Optional<AttributeSpec> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The pool's password policy, which a generated temporary password must meet. */
    public record PasswordRules(int minimumLength, boolean uppercase, boolean lowercase, boolean numbers, boolean symbols) {
        public static final PasswordRules COGNITO_DEFAULT = new PasswordRules(8, true, true, true, true);
    }
}
