package com.extensioncallouts.security;

import java.util.function.Consumer;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * Camunda's own identity provider, which also tells {@link VerifiedCredentials} when a user, a password or
 * a membership changes (in Camunda Admin, through {@code /engine-rest} or the identity service): at once,
 * and again when the change commits.
 */
class ForgettingIdentityProvider extends DbIdentityServiceProvider {

    private final VerifiedCredentials verified;

    ForgettingIdentityProvider(VerifiedCredentials verified) {
        this.verified = verified;
    }

    @Override
    public IdentityOperationResult saveUser(User user) {
        forget(user.getId());
        return super.saveUser(user);
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
        forget(userId);
        return super.deleteUser(userId);
    }

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
        forget(userId);
        return super.createMembership(userId, groupId);
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
        forget(userId);
        return super.deleteMembership(userId, groupId);
    }

    @Override
    public IdentityOperationResult deleteGroup(String groupId) {
        afterCommitToo(ignored -> verified.forgetAll(), null);
        return super.deleteGroup(groupId);
    }

    private void forget(String userId) {
        afterCommitToo(verified::forget, userId);
    }

    private static void afterCommitToo(Consumer<String> forget, String userId) {
        forget.accept(userId);
        Context.getCommandContext().getTransactionContext()
                .addTransactionListener(TransactionState.COMMITTED, context -> forget.accept(userId));
    }

    /** Registered with the engine in place of the stock identity provider's factory. */
    record Factory(VerifiedCredentials verified) implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return ForgettingIdentityProvider.class;
        }

        @Override
        public Session openSession() {
            return new ForgettingIdentityProvider(verified);
        }
    }
}
