package dev.migrator.store.userpool;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the user pool step needs of Cognito, in our own terms (no SDK types). */
public interface UserPoolGateway {

    Optional<UserPoolInfo> describe(String userPoolId);

    /** Up to {@code limit} usernames. */
    List<String> firstUsernames(String userPoolId, int limit);

    /** One ListUsers page (at most 60 users). */
    Page<PoolUser> listUsers(String userPoolId, Optional<String> token);

    /** One ListGroups page. */
    Page<PoolGroup> listGroups(String userPoolId, Optional<String> token);

    /** One ListUsersInGroup page of usernames. */
    Page<String> usersInGroup(String userPoolId, String group, Optional<String> token);

    /** AdminGetUser: the user with MFA settings, or empty if there is no such user. */
    Optional<PoolUser> getUser(String userPoolId, String username);

    /** GetCSVHeader: the columns of a user import job's CSV for this pool; empty where the endpoint lacks it. */
    Optional<List<String>> csvHeader(String userPoolId);

    void createGroup(String userPoolId, PoolGroup group);

    /**
     * AdminCreateUser with the given attributes; {@code suppressMessage} sends nothing to the user.
     * Returns the new user's sub; fails with {@link UserExists} when the username is taken.
     */
    Optional<String> createUser(String userPoolId, String username, Map<String, String> attributes,
                                Optional<String> temporaryPassword, boolean suppressMessage);

    void updateAttributes(String userPoolId, String username, Map<String, String> attributes);

    void setPassword(String userPoolId, String username, String password, boolean permanent);

    void setEnabled(String userPoolId, String username, boolean enabled);

    void addToGroup(String userPoolId, String username, String group);

    void removeFromGroup(String userPoolId, String username, String group);

    record Page<T>(List<T> items, Optional<String> next) {
        public Page {
            items = List.copyOf(items);
        }
    }

    /** The username is already taken in the target pool. */
    final class UserExists extends RuntimeException {
        public UserExists(String username) {
            super("user " + username + " already exists");
        }
    }
}
