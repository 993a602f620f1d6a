package com.extensioncallouts;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.mustache.MustacheAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

// JMustache renders callouts' body templates (template/); it is not a view technology here: the page is Thymeleaf
@SpringBootApplication(exclude = MustacheAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class ExtensionCalloutsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExtensionCalloutsApplication.class, args);
    }
}
