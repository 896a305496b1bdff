package dev.migrator.userpool;

import java.util.List;

/** A user pool as DescribeUserPool shows it; the user count is Cognito's estimate. */
public record UserPoolInfo(String id, String name, long estimatedUsers, List<String> usernameAttributes,
                           List<String> aliasAttributes, String mfa) {
    public UserPoolInfo {
        usernameAttributes = List.copyOf(usernameAttributes);
        aliasAttributes = List.copyOf(aliasAttributes);
    }

    /** "username", or the attributes that serve as username (email, phone_number). */
    public String signInWith() {
        return usernameAttributes.isEmpty() ? "username" + (aliasAttributes.isEmpty() ? "" : " (aliases " + aliasAttributes + ")")
                : String.join(" or ", usernameAttributes) + " as username";
    }
}
