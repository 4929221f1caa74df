package dk.supportflow.platform;

import java.lang.reflect.Field;

/** Camunda's commands keep what the guards look at in protected fields without getters. */
final class CommandFields {

    private CommandFields() {
    }

    static Object read(Object command, Class<?> declaringClass, String name) {
        try {
            Field field = declaringClass.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(command);
        } catch (ReflectiveOperationException e) {
            // a Camunda upgrade renamed it: fail closed, and loudly
            throw new IllegalStateException("Camunda's " + declaringClass.getSimpleName() + " has no field " + name, e);
        }
    }
}
