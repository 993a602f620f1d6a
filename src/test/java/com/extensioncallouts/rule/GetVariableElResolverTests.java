package com.extensioncallouts.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.pvm.runtime.ExecutionImpl;
import org.camunda.bpm.impl.juel.SimpleContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.junit.jupiter.api.Test;

/**
 * {@code execution.getVariable('name')} in an expression is answered by calling it, without JUEL's reflective lookup;
 * every other call is left to the resolvers after this one.
 */
class GetVariableElResolverTests {

    private final GetVariableElResolver resolver = new GetVariableElResolver();
    private final ExecutionImpl execution = new ExecutionImpl();

    @Test
    void getVariableOfAnExecutionIsCalled() {
        execution.setVariable("skipReason", "INACTIVE: callout 'RMM' is inactive");
        ELContext context = new SimpleContext();

        Object value = resolver.invoke(context, execution, "getVariable", null, new Object[] { "skipReason" });

        assertThat(context.isPropertyResolved()).isTrue();
        assertThat(value).isEqualTo("INACTIVE: callout 'RMM' is inactive");
    }

    @Test
    void aVariableThatIsNotSetIsNullAsWithTheMethodItself() {
        ELContext context = new SimpleContext();

        Object value = resolver.invoke(context, execution, "getVariable", null, new Object[] { "skipReason" });

        assertThat(context.isPropertyResolved()).isTrue();
        assertThat(value).isNull();
    }

    @Test
    void otherMethodsArgumentsAndBasesAreLeftToTheOtherResolvers() {
        execution.setVariable("attempt", 2);

        assertThat(resolvedBy(execution, "getVariableLocal", "attempt")).isFalse();
        assertThat(resolvedBy(execution, "getVariable", 2)).isFalse();
        assertThat(resolvedBy(execution, "getVariable", "attempt", "extra")).isFalse();
        assertThat(resolvedBy("not a variable scope", "getVariable", "attempt")).isFalse();
        assertThat(resolvedBy(null, "getVariable", "attempt")).isFalse();
    }

    private boolean resolvedBy(Object base, String method, Object... params) {
        ELContext context = new SimpleContext();
        resolver.invoke(context, base, method, null, params);
        return context.isPropertyResolved();
    }
}
