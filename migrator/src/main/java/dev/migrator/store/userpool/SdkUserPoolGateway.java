package dev.migrator.store.userpool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListGroupsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersInGroupResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/** {@link UserPoolGateway} over the AWS SDK's Cognito Identity Provider client. */
public final class SdkUserPoolGateway implements UserPoolGateway {
    private static final int PAGE = 60;

    private final CognitoIdentityProviderClient client;

    public SdkUserPoolGateway(CognitoIdentityProviderClient client) {
        this.client = client;
    }

    @Override
    public Optional<UserPoolInfo> describe(String userPoolId) {
        try {
            UserPoolType pool = client.describeUserPool(r -> r.userPoolId(userPoolId)).userPool();
            List<AttributeSpec> attributes = pool.schemaAttributes().stream().map(a -> new AttributeSpec(a.name(),
                    a.attributeDataTypeAsString(), Boolean.TRUE.equals(a.required()), !Boolean.FALSE.equals(a.mutable()),
                    Boolean.TRUE.equals(a.developerOnlyAttribute()))).toList();
            return Optional.of(new UserPoolInfo(pool.id(), pool.name(),
                    pool.estimatedNumberOfUsers() == null ? 0 : pool.estimatedNumberOfUsers(),
                    pool.usernameAttributesAsStrings(), pool.aliasAttributesAsStrings(),
                    pool.mfaConfigurationAsString() == null ? "OFF" : pool.mfaConfigurationAsString(), attributes,
                    rules(pool.policies() == null ? null : pool.policies().passwordPolicy())));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    private static UserPoolInfo.PasswordRules rules(PasswordPolicyType p) {
        if (p == null) {
            return UserPoolInfo.PasswordRules.COGNITO_DEFAULT;
        }
        return new UserPoolInfo.PasswordRules(p.minimumLength() == null ? 8 : p.minimumLength(),
                Boolean.TRUE.equals(p.requireUppercase()), Boolean.TRUE.equals(p.requireLowercase()),
                Boolean.TRUE.equals(p.requireNumbers()), Boolean.TRUE.equals(p.requireSymbols()));
    }

    @Override
    public List<String> firstUsernames(String userPoolId, int limit) {
        return client.listUsers(r -> r.userPoolId(userPoolId).limit(limit)).users().stream().map(UserType::username).toList();
    }

    @Override
    public Page<PoolUser> listUsers(String userPoolId, Optional<String> token) {
        ListUsersResponse page = client.listUsers(r -> r.userPoolId(userPoolId).limit(PAGE).paginationToken(token.orElse(null)));
        List<PoolUser> users = page.users().stream().map(u -> new PoolUser(u.username(), u.userStatusAsString(),
                !Boolean.FALSE.equals(u.enabled()), attributes(u.attributes()), Optional.empty(),
                Optional.ofNullable(u.userLastModifiedDate()))).toList();
        return new Page<>(users, Optional.ofNullable(page.paginationToken()).filter(t -> !t.isEmpty()));
    }

    @Override
    public Page<PoolGroup> listGroups(String userPoolId, Optional<String> token) {
        ListGroupsResponse page = client.listGroups(r -> r.userPoolId(userPoolId).limit(PAGE).nextToken(token.orElse(null)));
        List<PoolGroup> groups = page.groups().stream().map(SdkUserPoolGateway::group).toList();
        return new Page<>(groups, Optional.ofNullable(page.nextToken()).filter(t -> !t.isEmpty()));
    }

    private static PoolGroup group(GroupType g) {
        return new PoolGroup(g.groupName(), Optional.ofNullable(g.description()), Optional.ofNullable(g.precedence()),
                Optional.ofNullable(g.roleArn()));
    }

    @Override
    public Page<String> usersInGroup(String userPoolId, String group, Optional<String> token) {
        ListUsersInGroupResponse page = client.listUsersInGroup(r -> r.userPoolId(userPoolId).groupName(group).limit(PAGE)
                .nextToken(token.orElse(null)));
        return new Page<>(page.users().stream().map(UserType::username).toList(),
                Optional.ofNullable(page.nextToken()).filter(t -> !t.isEmpty()));
    }

    @Override
    public Optional<PoolUser> getUser(String userPoolId, String username) {
        try {
            AdminGetUserResponse u = client.adminGetUser(r -> r.userPoolId(userPoolId).username(username));
            PoolUser.MfaSettings mfa = new PoolUser.MfaSettings(u.userMFASettingList(), Optional.ofNullable(u.preferredMfaSetting()));
            return Optional.of(new PoolUser(u.username(), u.userStatusAsString(), !Boolean.FALSE.equals(u.enabled()),
                    attributes(u.userAttributes()), Optional.of(mfa)));
        } catch (UserNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<List<String>> csvHeader(String userPoolId) {
        try {
            return Optional.of(client.getCSVHeader(r -> r.userPoolId(userPoolId)).csvHeader());
        } catch (AwsServiceException e) {
            if (e.statusCode() >= 500 || e.statusCode() == 501) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void createGroup(String userPoolId, PoolGroup group) {
        client.createGroup(r -> r.userPoolId(userPoolId).groupName(group.name()).description(group.description().orElse(null))
                .precedence(group.precedence().orElse(null)).roleArn(group.roleArn().orElse(null)));
    }

    @Override
    public Optional<String> createUser(String userPoolId, String username, Map<String, String> attributes,
                                       Optional<String> temporaryPassword, boolean suppressMessage) {
        try {
            UserType user = client.adminCreateUser(r -> r.userPoolId(userPoolId).username(username)
                    .userAttributes(attributeTypes(attributes)).temporaryPassword(temporaryPassword.orElse(null))
                    .messageAction(suppressMessage ? "SUPPRESS" : null)).user();
            return Optional.ofNullable(attributes(user.attributes()).get("sub"));
        } catch (UsernameExistsException e) {
            throw new UserExists(username);
        }
    }

    @Override
    public void updateAttributes(String userPoolId, String username, Map<String, String> attributes) {
        client.adminUpdateUserAttributes(r -> r.userPoolId(userPoolId).username(username).userAttributes(attributeTypes(attributes)));
    }

    @Override
    public void setPassword(String userPoolId, String username, String password, boolean permanent) {
        client.adminSetUserPassword(r -> r.userPoolId(userPoolId).username(username).password(password).permanent(permanent));
    }

    @Override
    public void setEnabled(String userPoolId, String username, boolean enabled) {
        if (enabled) {
            client.adminEnableUser(r -> r.userPoolId(userPoolId).username(username));
        } else {
            client.adminDisableUser(r -> r.userPoolId(userPoolId).username(username));
        }
    }

    @Override
    public void addToGroup(String userPoolId, String username, String group) {
        client.adminAddUserToGroup(r -> r.userPoolId(userPoolId).username(username).groupName(group));
    }

    @Override
    public void removeFromGroup(String userPoolId, String username, String group) {
        client.adminRemoveUserFromGroup(r -> r.userPoolId(userPoolId).username(username).groupName(group));
    }

    private static Map<String, String> attributes(List<AttributeType> attributes) {
        Map<String, String> map = new LinkedHashMap<>();
        attributes.forEach(a -> map.put(a.name(), a.value()));
        return map;
    }

    private static List<AttributeType> attributeTypes(Map<String, String> attributes) {
        return attributes.entrySet().stream().map(e -> AttributeType.builder().name(e.getKey()).value(e.getValue()).build()).toList();
    }
}
