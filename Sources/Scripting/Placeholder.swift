public enum ScriptingPlaceholder {}
