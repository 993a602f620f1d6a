package com.extensioncallouts.callout;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;

/**
 * Spring Data JDBC quotes every identifier by default: {@code @Table("callout")} then becomes
 * {@code "callout"}, which H2 (upper case) does not find while derived column names come out
 * upper case and PostgreSQL (lower case) would not find those. Unquoted names work on both.
 */
@Configuration(proxyBeanMethods = false)
class CalloutJdbcConfiguration {

    @Bean
    static BeanPostProcessor unquotedJdbcIdentifiers() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof RelationalMappingContext context) {
                    context.setForceQuote(false);
                }
                return bean;
            }
        };
    }
}
