package com.extensioncallouts.rule;

import java.beans.FeatureDescriptor;
import java.util.Iterator;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * Answers {@code execution.getVariable('name')} in an expression by calling it, as JUEL's bean resolver would, but
 * without looking the method up first: that resolver lists every public method of the execution's class
 * ({@code Class.getMethods()}, a copy of some 400 {@code Method} objects, about 35 KB) on every evaluation. The
 * condition of "Send it?" in {@code extension-callout} is such a call, evaluated once per trigger; rules use it
 * as often. Any other method, base or argument is left to the resolvers after this one.
 */
class GetVariableElResolver extends ELResolver {

    private static final String GET_VARIABLE = "getVariable";

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base instanceof VariableScope scope && GET_VARIABLE.equals(method) && params != null && params.length == 1
                && params[0] instanceof String name) {
            context.setPropertyResolved(true);
            return scope.getVariable(name);
        }
        return null;
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
