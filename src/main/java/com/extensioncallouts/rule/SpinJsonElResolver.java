package com.extensioncallouts.rule;

import java.beans.FeatureDescriptor;
import java.util.Iterator;

import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Lets expressions read a Spin JSON variable like a map: {@code ${ticket.status}} and
 * {@code ${ticket.udfs['RMM Alert ID']}} work whether a ticket system sent {@code ticket} as a
 * serialized map or (through {@code /engine-rest}) as a variable of type {@code Json}.
 * Method calls such as {@code ticket.prop('status')} still go to Spin itself. Read-only.
 */
class SpinJsonElResolver extends ELResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (!(base instanceof SpinJsonNode node) || property == null) {
            return null;
        }
        context.setPropertyResolved(true);
        SpinJsonNode value = child(node, property);
        return value == null ? null : unwrap(value);
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        if (base instanceof SpinJsonNode) {
            context.setPropertyResolved(true);
        }
        return null; // read-only: no type can be assigned
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // read-only; leave assignment to the other resolvers, which reject it
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        if (base instanceof SpinJsonNode) {
            context.setPropertyResolved(true);
            return true;
        }
        return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base instanceof SpinJsonNode ? Object.class : null;
    }

    private static SpinJsonNode child(SpinJsonNode node, Object property) {
        if (node.isObject()) {
            String name = property.toString();
            return node.hasProp(name) ? node.prop(name) : null;
        }
        if (node.isArray() && property instanceof Number index) {
            int i = index.intValue();
            return i >= 0 && i < node.elements().size() ? node.elements().get(i) : null;
        }
        return null;
    }

    /** Strings, numbers and booleans become Java values so that {@code ==} compares them. */
    private static Object unwrap(SpinJsonNode value) {
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        if (value.isBoolean()) {
            return value.boolValue();
        }
        if (value.isNull()) {
            return null;
        }
        return value;
    }
}
