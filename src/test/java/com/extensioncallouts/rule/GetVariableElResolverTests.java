package com.extensioncallouts.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.pvm.runtime.ExecutionImpl;
import org.camunda.bpm.impl.juel.SimpleContext;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.junit.jupiter.api.Test;

/**
 * {@code execution.getVariable('name')} in an expression is answered by calling it, with what JUEL's bean resolver
 * answers, and without its reflective lookup; every other call is left to the resolvers after this one.
 */
class GetVariableElResolverTests {

    private final GetVariableElResolver resolver = new GetVariableElResolver();
    private final BeanELResolver beans = new BeanELResolver();
    private final ExecutionImpl rule = new ExecutionImpl();
    private final ExecutionImpl callout = rule.createExecution();

    @Test
    void aVariableOfTheExecutionOrOfAScopeAboveItIsWhatTheBeanResolverAnswers() {
        callout.setVariableLocal("skipReason", "INACTIVE: callout 'RMM' is inactive");
        rule.setVariableLocal("ticketEvent", "EDITED");

        assertThat(answer(resolver, callout, "skipReason")).isEqualTo("INACTIVE: callout 'RMM' is inactive")
                .isEqualTo(answer(beans, callout, "skipReason"));
        assertThat(answer(resolver, callout, "ticketEvent")).isEqualTo("EDITED")
                .isEqualTo(answer(beans, callout, "ticketEvent"));
    }

    @Test
    void aVariableThatIsNotSetIsNullAsTheBeanResolverAnswers() {
        assertThat(answer(resolver, callout, "skipReason")).isNull();
        assertThat(answer(beans, callout, "skipReason")).isNull();
    }

    @Test
    void whatTheCallThrowsReachesTheEngineWrappedAsTheBeanResolverWrapsIt() {
        ExecutionImpl broken = new ExecutionImpl() {
            @Override
            public Object getVariable(String variableName) {
                throw new ProcessEngineException("Cannot deserialize object in variable '" + variableName + "'");
            }
        };

        assertThatThrownBy(() -> answer(resolver, broken, "ticket")).isInstanceOf(ELException.class)
                .hasCauseInstanceOf(ProcessEngineException.class).cause()
                .hasMessage("Cannot deserialize object in variable 'ticket'");
    }

    @Test
    void otherMethodsArgumentsParameterTypesAndBasesAreLeftToTheOtherResolvers() {
        callout.setVariableLocal("attempt", 2);

        assertThat(resolvedBy(callout, "getVariableLocal", null, "attempt")).isFalse();
        assertThat(resolvedBy(callout, "getVariable", null, 2)).isFalse();
        assertThat(resolvedBy(callout, "getVariable", null, (Object) null)).isFalse();
        assertThat(resolvedBy(callout, "getVariable", null, "attempt", "extra")).isFalse();
        assertThat(resolvedBy(callout, "getVariable", null)).isFalse();
        assertThat(resolvedBy(callout, "getVariable", null, (Object[]) null)).isFalse();
        assertThat(resolvedBy(callout, "getVariable", new Class<?>[] { Object.class }, "attempt")).isFalse();
        assertThat(resolvedBy("not a variable scope", "getVariable", null, "attempt")).isFalse();
        assertThat(resolvedBy(null, "getVariable", null, "attempt")).isFalse();
        assertThat(resolvedBy(callout, "getVariable", new Class<?>[] { String.class }, "attempt")).isTrue();
    }

    private static Object answer(ELResolver by, Object base, String name) {
        ELContext context = new SimpleContext();
        Object value = by.invoke(context, base, "getVariable", null, new Object[] { name });
        assertThat(context.isPropertyResolved()).isTrue();
        return value;
    }

    private boolean resolvedBy(Object base, String method, Class<?>[] paramTypes, Object... params) {
        ELContext context = new SimpleContext();
        resolver.invoke(context, base, method, paramTypes, params);
        return context.isPropertyResolved();
    }
}
