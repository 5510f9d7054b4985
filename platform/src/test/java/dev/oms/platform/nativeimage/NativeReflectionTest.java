package dev.oms.platform.nativeimage;

import dev.oms.events.EventTypes;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NativeReflectionTest {

    /** A new event, or a new record or enum inside one, must be registered too, or native decoding breaks. */
    @Test
    void registersEveryEventAndEveryEventsTypeInsideOne() {
        Set<String> registered = new TreeSet<>();
        for (Class<?> target : NativeReflection.class.getAnnotation(RegisterForReflection.class).targets()) {
            if (target.getPackageName().equals("dev.oms.events")) {
                registered.add(target.getName());
            }
        }
        Set<String> bound = new TreeSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>(EventTypes.ALL);
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            if (!type.getPackageName().equals("dev.oms.events") || !bound.add(type.getName()) || !type.isRecord()) {
                continue;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                pending.push(component.getType());
                addTypeArguments(component.getGenericType(), pending);
            }
        }
        assertEquals(bound, registered, "NativeReflection must list exactly the event classes Jackson binds");
    }

    private static void addTypeArguments(Type type, Deque<Class<?>> pending) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                if (argument instanceof Class<?> c) {
                    pending.push(c);
                }
                addTypeArguments(argument, pending);
            }
        }
    }
}
