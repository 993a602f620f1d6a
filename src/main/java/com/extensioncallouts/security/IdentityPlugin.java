package com.extensioncallouts.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Installs {@link ForgettingIdentityProvider}, unless another identity provider (LDAP, say) was configured. */
@Component
class IdentityPlugin extends AbstractProcessEnginePlugin {

    private final VerifiedCredentials verified;

    IdentityPlugin(VerifiedCredentials verified) {
        this.verified = verified;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getIdentityProviderSessionFactory() == null) {
            configuration.setIdentityProviderSessionFactory(new ForgettingIdentityProvider.Factory(verified));
        }
    }
}
