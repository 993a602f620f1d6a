package com.extensioncallouts.rule;

import java.beans.FeatureDescriptor;
import java.util.Arrays;
import java.util.Iterator;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * Answers {@code execution.getVariable('name')} in an expression by calling it, as JUEL's bean resolver would
 * (an exception the call throws wrapped in an {@link ELException}, so the engine reports it as before), but without
 * looking the method up first: that resolver lists every public method of the execution's class
 * ({@code Class.getMethods()}, a fresh copy of every {@code Method} object, about 35 KB in a profile) on every
 * evaluation. The condition of "Send it?" in {@code extension-callout} is such a call, evaluated once per trigger,
 * and a designer's rule may use it too. Any other method, base, argument or declared parameter type is left to the
 * resolvers after this one (the bean resolver, the only one of them that answers method calls).
 */
class GetVariableElResolver extends ELResolver {

    private static final String GET_VARIABLE = "getVariable";
    private static final Class<?>[] BY_NAME = { String.class };

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (!(base instanceof VariableScope scope) || !GET_VARIABLE.equals(method) || params == null
                || params.length != 1 || !(params[0] instanceof String name)
                || !(paramTypes == null || Arrays.equals(paramTypes, BY_NAME))) {
            return null;
        }
        context.setPropertyResolved(base, method);
        try {
            return scope.getVariable(name);
        } catch (RuntimeException e) {
            throw new ELException(e);
        }
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // properties are left to the other resolvers
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}
