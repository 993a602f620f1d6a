package com.extensioncallouts.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.extensioncallouts.apikey.ApiKeyAuthenticationFilter;
import com.extensioncallouts.apikey.ApiKeys;

/**
 * Five doors. Actuator ({@code /actuator/**}): health for anyone, metrics for administrators. The API
 * description ({@code /v3/api-docs}, the Swagger UI): for anyone. The APIs ({@code /api/**},
 * {@code /engine-rest/**}) take HTTP Basic with a Camunda user, or an API key as a bearer token. Cockpit
 * ({@code /camunda/**}) keeps its own login and CSRF protection. Everything else (the management page) uses a
 * form login with the same users. Members of {@value Roles#ADMINS} may do
 * everything; members of {@value Roles#TICKET_SYSTEMS} and API keys may only report ticket events (members also
 * through {@code /engine-rest/signal}); anything else is 403. The Swagger UI runs under the page's
 * Content-Security-Policy but for inline styles.
 */
@Configuration
class SecurityConfig {

    /** No inline script or style anywhere on the page; nothing from elsewhere. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * The same for the Swagger UI but for styles: its bundle injects a style element of its own. Its scripts stay
     * as strict as the page's.
     */
    static final String SWAGGER_UI_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY
            .replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");

    /**
     * Spring Boot Actuator: health and the Kubernetes probes for anyone (status only; details for
     * administrators, see {@code management.endpoint.health}); every other endpoint, {@code /actuator/prometheus}
     * among them, for administrators with HTTP Basic. A scraper gets a Camunda user of its own in
     * {@value Roles#ADMINS}.
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, CamundaUserAuthenticationProvider users)
            throws Exception {
        return http
                .securityMatcher(path("/actuator/**"))
                .authenticationProvider(users)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path(HttpMethod.GET, "/actuator/health"),
                                path(HttpMethod.GET, "/actuator/health/**")).permitAll()
                        .anyRequest().hasAuthority(Roles.ADMIN_AUTHORITY))
                .httpBasic(basic -> basic.authenticationEntryPoint(new ProblemAuthenticationEntryPoint()))
                .exceptionHandling(e -> e.authenticationEntryPoint(new ProblemAuthenticationEntryPoint())
                        .accessDeniedHandler(new ProblemAccessDeniedHandler()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, CamundaUserAuthenticationProvider users, ApiKeys apiKeys)
            throws Exception {
        return http
                .securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
                .authenticationProvider(users)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path(HttpMethod.POST, "/api/ticket-events")).hasAnyAuthority(
                                Roles.ADMIN_AUTHORITY, Roles.TICKET_SYSTEM_AUTHORITY, ApiKeyAuthenticationFilter.AUTHORITY)
                        .requestMatchers(path(HttpMethod.POST, "/engine-rest/signal")).hasAnyAuthority(
                                Roles.ADMIN_AUTHORITY, Roles.TICKET_SYSTEM_AUTHORITY)
                        .anyRequest().hasAuthority(Roles.ADMIN_AUTHORITY))
                .httpBasic(basic -> basic.authenticationEntryPoint(new ProblemAuthenticationEntryPoint()))
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys), BasicAuthenticationFilter.class)
                .addFilterBefore(new CockpitSessionAuthenticationFilter(), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(new ProblemAuthenticationEntryPoint())
                        .accessDeniedHandler(new ProblemAccessDeniedHandler()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain cockpitSecurity(HttpSecurity http) throws Exception {
        // Cockpit authenticates and guards against CSRF itself; only administrators may use it
        return http
                .securityMatcher(path("/camunda/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .addFilterBefore(new CockpitAccessFilter(), BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.disable())
                .build();
    }

    /**
     * The API description ({@code /v3/api-docs}) and its Swagger UI, for anyone: they hold no data, and a ticket
     * system that has only an API key must be able to read them. Trying a call there takes credentials like any
     * call to the API.
     */
    @Bean
    @Order(3)
    SecurityFilterChain apiDocsSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(new OrRequestMatcher(path("/v3/api-docs"), path("/v3/api-docs/**"),
                        path("/v3/api-docs.yaml"), path("/swagger-ui.html"), path("/swagger-ui/**")))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(SWAGGER_UI_CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frames -> frames.deny()))
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain pageSecurity(HttpSecurity http, CamundaUserAuthenticationProvider users) throws Exception {
        return http
                .authenticationProvider(users)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error")
                        .permitAll()
                        .anyRequest().hasAuthority(Roles.ADMIN_AUTHORITY))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/callouts", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(e -> e.accessDeniedHandler(new ProblemAccessDeniedHandler()))
                .sessionManagement(s -> s.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frames -> frames.deny()))
                .build();
    }

    /**
     * No observation of Spring Security's own work. With Micrometer present it wraps each filter of every
     * request's chain (about fifteen) in an observation and counts each filter's start and end in meters that it
     * looks up again per request: in the benchmark's profile Micrometer had 6 % of the CPU samples of the threads
     * that take ticket events, most of it for these timings that nobody reads. Every request is still timed as a
     * whole ({@code http_server_requests_seconds}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Matches on the whole path, whichever servlet (Spring MVC, Jersey, Cockpit) serves it. */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }
}
