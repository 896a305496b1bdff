package dev.migrator.store.userpool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user as ListUsers shows it: username, status, enabled flag, every attribute (sub included) in the
 * pool's order, and the legacy SMS MFA options; {@code mfa} is filled where AdminGetUser was asked.
 */
public record PoolUser(String username, String status, boolean enabled, Map<String, String> attributes,
                       Optional<MfaSettings> mfa, Optional<java.time.Instant> lastModified) {

    public PoolUser(String username, String status, boolean enabled, Map<String, String> attributes, Optional<MfaSettings> mfa) {
        this(username, status, enabled, attributes, mfa, Optional.empty());
    }

    /** Attributes Cognito sets itself: never written to the target pool. */
    public static final List<String> READ_ONLY = List.of("sub", "identities", "cognito:user_status", "cognito:mfa_enabled");

    public PoolUser {
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public Optional<String> sub() {
        return Optional.ofNullable(attributes.get("sub"));
    }

    /** Signed in through a federated identity provider: Cognito cannot create such a user through the admin API. */
    public boolean federated() {
        return "EXTERNAL_PROVIDER".equals(status);
    }

    /** The attributes a create or update may set. */
    public Map<String, String> writableAttributes() {
        Map<String, String> writable = new LinkedHashMap<>(attributes);
        READ_ONLY.forEach(writable::remove);
        return writable;
    }

    /** MFA as AdminGetUser reports it: the methods set up, and the preferred one. */
    public record MfaSettings(List<String> enabledMethods, Optional<String> preferred) {
        public MfaSettings {
            enabledMethods = List.copyOf(enabledMethods);
        }
    }
}
