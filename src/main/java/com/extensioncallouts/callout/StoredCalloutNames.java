package com.extensioncallouts.callout;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.extensioncallouts.rule.CalloutNames;

/**
 * Which callout names are stored, for the rules' deployment warning. Reads the table itself rather than
 * through {@link CalloutService}: rules are deployed while the engine is built, and the service needs the
 * engine. Asked after a deployment committed, so it reads in a transaction of its own.
 */
@Component
class StoredCalloutNames implements CalloutNames {

    private final CalloutRepository repository;
    private final TransactionTemplate readOnlyOfItsOwn;

    StoredCalloutNames(CalloutRepository repository, PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.readOnlyOfItsOwn = new TransactionTemplate(transactionManager);
        readOnlyOfItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        readOnlyOfItsOwn.setReadOnly(true);
    }

    @Override
    public boolean exists(String calloutName) {
        if (calloutName == null || calloutName.isBlank()) {
            return false;
        }
        return Boolean.TRUE.equals(readOnlyOfItsOwn.execute(
                status -> repository.findByNameKey(CalloutRow.nameKey(calloutName)).isPresent()));
    }
}
