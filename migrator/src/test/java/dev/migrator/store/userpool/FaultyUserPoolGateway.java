package dev.migrator.store.userpool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Answers some requests with Cognito's TooManyRequestsException, and can list a federated user the admin API cannot create. */
final class FaultyUserPoolGateway implements UserPoolGateway {
    private final UserPoolGateway delegate;
    private final double throttleRate;
    private final Optional<PoolUser> federated;
    final AtomicInteger throttled = new AtomicInteger();

    FaultyUserPoolGateway(UserPoolGateway delegate, double throttleRate, Optional<PoolUser> federated) {
        this.delegate = delegate;
        this.throttleRate = throttleRate;
        this.federated = federated;
    }

    private void maybeThrottle() {
        if (ThreadLocalRandom.current().nextDouble() < throttleRate) {
            throttled.incrementAndGet();
            throw AwsServiceException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                    .errorCode("TooManyRequestsException").errorMessage("Too many requests (injected)").build()).build();
        }
    }

    @Override
    public Optional<UserPoolInfo> describe(String userPoolId) {
        return delegate.describe(userPoolId);
    }

    @Override
    public List<String> firstUsernames(String userPoolId, int limit) {
        return delegate.firstUsernames(userPoolId, limit);
    }

    @Override
    public Page<PoolUser> listUsers(String userPoolId, Optional<String> token) {
        maybeThrottle();
        Page<PoolUser> page = delegate.listUsers(userPoolId, token);
        if (token.isEmpty() && federated.isPresent()) {
            List<PoolUser> users = new ArrayList<>(page.items());
            users.add(federated.get());
            return new Page<>(users, page.next());
        }
        return page;
    }

    @Override
    public Page<PoolGroup> listGroups(String userPoolId, Optional<String> token) {
        maybeThrottle();
        return delegate.listGroups(userPoolId, token);
    }

    @Override
    public Page<String> usersInGroup(String userPoolId, String group, Optional<String> token) {
        maybeThrottle();
        return delegate.usersInGroup(userPoolId, group, token);
    }

    @Override
    public Optional<PoolUser> getUser(String userPoolId, String username) {
        maybeThrottle();
        return delegate.getUser(userPoolId, username);
    }

    @Override
    public Optional<List<String>> csvHeader(String userPoolId) {
        return delegate.csvHeader(userPoolId);
    }

    @Override
    public void createGroup(String userPoolId, PoolGroup group) {
        maybeThrottle();
        delegate.createGroup(userPoolId, group);
    }

    @Override
    public Optional<String> createUser(String userPoolId, String username, Map<String, String> attributes,
                                       Optional<String> temporaryPassword, boolean suppressMessage) {
        maybeThrottle();
        return delegate.createUser(userPoolId, username, attributes, temporaryPassword, suppressMessage);
    }

    @Override
    public void updateAttributes(String userPoolId, String username, Map<String, String> attributes) {
        maybeThrottle();
        delegate.updateAttributes(userPoolId, username, attributes);
    }

    @Override
    public void setPassword(String userPoolId, String username, String password, boolean permanent) {
        maybeThrottle();
        delegate.setPassword(userPoolId, username, password, permanent);
    }

    @Override
    public void setEnabled(String userPoolId, String username, boolean enabled) {
        maybeThrottle();
        delegate.setEnabled(userPoolId, username, enabled);
    }

    @Override
    public void addToGroup(String userPoolId, String username, String group) {
        maybeThrottle();
        delegate.addToGroup(userPoolId, username, group);
    }

    @Override
    public void removeFromGroup(String userPoolId, String username, String group) {
        maybeThrottle();
        delegate.removeFromGroup(userPoolId, username, group);
    }
}
