package com.extensioncallouts.problem;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Refusals that happen before our code runs, answered as problems under {@code /api} too: the HTTP firewall's
 * (Spring Security takes the handler bean) and Tomcat's own (its error report valve on the host).
 */
@Configuration
class RefusedRequestProblems {

    @Bean
    RequestRejectedHandler apiRequestRejectedHandler() {
        return new ApiRequestRejectedHandler();
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        // The host adds its error report valve when it starts, after this
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }
}
