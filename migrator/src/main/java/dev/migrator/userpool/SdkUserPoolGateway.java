package dev.migrator.userpool;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/** {@link UserPoolGateway} over the AWS SDK's Cognito Identity Provider client. */
public final class SdkUserPoolGateway implements UserPoolGateway {
    private final CognitoIdentityProviderClient client;

    public SdkUserPoolGateway(CognitoIdentityProviderClient client) {
        this.client = client;
    }

    @Override
    public Optional<UserPoolInfo> describe(String userPoolId) {
        try {
            UserPoolType pool = client.describeUserPool(r -> r.userPoolId(userPoolId)).userPool();
            return Optional.of(new UserPoolInfo(pool.id(), pool.name(),
                    pool.estimatedNumberOfUsers() == null ? 0 : pool.estimatedNumberOfUsers(),
                    pool.usernameAttributesAsStrings(), pool.aliasAttributesAsStrings(),
                    pool.mfaConfigurationAsString() == null ? "OFF" : pool.mfaConfigurationAsString()));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> firstUsernames(String userPoolId, int limit) {
        return client.listUsers(r -> r.userPoolId(userPoolId).limit(limit)).users().stream().map(UserType::username).toList();
    }
}
