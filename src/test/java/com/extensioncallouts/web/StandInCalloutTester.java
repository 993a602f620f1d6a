package com.extensioncallouts.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.delivery.AttemptOutcome;
import com.extensioncallouts.delivery.CalloutTester;

/**
 * A plain HTTP sender standing in for the delivery feature's {@link CalloutTester} until that
 * lands. It registers itself only when the application has no tester of its own, so once the
 * real one exists the page tests exercise it instead.
 */
class StandInCalloutTester implements CalloutTester {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public AttemptOutcome sendTest(Callout callout) {
        long start = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(callout.url()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .method(callout.method().name(), callout.method().name().equals("GET")
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString("{\"event\":\"EDITED\",\"ticket\":{\"id\":0}}"))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            int status = response.statusCode();
            return status / 100 == 2 ? new AttemptOutcome.Delivered(status, took, response.body())
                    : new AttemptOutcome.Rejected(status, took, response.body());
        } catch (IOException e) {
            return new AttemptOutcome.Unreachable(String.valueOf(e.getMessage()), Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AttemptOutcome.Unreachable("interrupted", Duration.ofNanos(System.nanoTime() - start));
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class IfMissing {

        // Runs after the application's configuration classes are read, so it sees a real tester if there is one
        @Bean
        static BeanDefinitionRegistryPostProcessor standInCalloutTesterRegistrar() {
            return new BeanDefinitionRegistryPostProcessor() {
                @Override
                public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
                    if (registry instanceof ListableBeanFactory beans
                            && beans.getBeanNamesForType(CalloutTester.class, true, false).length == 0) {
                        registry.registerBeanDefinition("standInCalloutTester",
                                new RootBeanDefinition(StandInCalloutTester.class));
                    }
                }

                @Override
                public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
                }
            };
        }
    }
}
