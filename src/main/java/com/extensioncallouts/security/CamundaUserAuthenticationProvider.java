package com.extensioncallouts.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Authenticates against Camunda's own users, so the REST API, the management page and Cockpit
 * share one set of accounts. A password verified moments ago is not checked again ({@link VerifiedCredentials}).
 */
@Component
class CamundaUserAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final VerifiedCredentials verified;

    CamundaUserAuthenticationProvider(IdentityService identityService, VerifiedCredentials verified) {
        this.identityService = identityService;
        this.verified = verified;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null) {
            throw new BadCredentialsException("Bad credentials");
        }
        String password = credentials.toString();
        List<GrantedAuthority> authorities = verified.authoritiesIfVerified(userId, password)
                .orElseGet(() -> check(userId, password));
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    private List<GrantedAuthority> check(String userId, String password) {
        if (!identityService.checkPassword(userId, password)) {
            throw new BadCredentialsException("Bad credentials");
        }
        List<GrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId).list()
                .stream().map(Group::getId).<GrantedAuthority>map(id -> new SimpleGrantedAuthority("GROUP_" + id))
                .toList();
        verified.remember(userId, password, authorities);
        return authorities;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
