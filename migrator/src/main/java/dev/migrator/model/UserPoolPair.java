package dev.migrator.model;

/** One Cognito user pool whose users and groups are recreated in the target pool. */
public record UserPoolPair(
        String name,
        String source,
        String target,
        ExistingUserPolicy existingUsers,
        PasswordPolicy passwords,
        double requestsPerSecond,
        CatchUp catchUp,
        PairLocation at) {

    /** Well under Cognito's default quotas (UserCreation 50/s, UserUpdate 25/s, UserRead 120/s per account and region). */
    public static final double DEFAULT_REQUESTS_PER_SECOND = 20;

    /** What to do with a user that already exists in the target pool. */
    public enum ExistingUserPolicy { SKIP, UPDATE }

    /** Passwords cannot be read from Cognito: what the migrated users get instead. */
    public enum PasswordPolicy { RESET_ON_SIGN_IN, POOL_SENDS_TEMPORARY, TEMPORARY_PASSWORD_FILE }
}
