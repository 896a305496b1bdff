package dev.migrator.userpool;

import java.util.List;
import java.util.Optional;

/** What the user pool steps need of Cognito, in our own terms (no SDK types). */
public interface UserPoolGateway {

    Optional<UserPoolInfo> describe(String userPoolId);

    /** Up to {@code limit} usernames. */
    List<String> firstUsernames(String userPoolId, int limit);
}
