package dev.sleet.processor.scan;

/**
 * Qualified names of the annotations the processor reads. Annotations are read by name through
 * mirrors, so neither Sleet's nor Jakarta's annotation classes need to be loaded by the processor.
 */
public final class AnnotationNames {
    private AnnotationNames() {
    }

    private static final String SLEET = "dev.sleet.annotations.";
    public static final String TABLE = SLEET + "Table";
    public static final String COLUMN = SLEET + "Column";
    public static final String ID = SLEET + "Id";
    public static final String IDENTITY = SLEET + "Identity";
    public static final String REFERENCES = SLEET + "References";
    public static final String INDEX = SLEET + "Index";
    public static final String INDEX_LIST = SLEET + "Index.List";
    public static final String UNIQUE = SLEET + "Unique";
    public static final String UNIQUE_LIST = SLEET + "Unique.List";
    public static final String CHECK = SLEET + "Check";
    public static final String CHECK_LIST = SLEET + "Check.List";
    public static final String EXCLUSION = SLEET + "Exclusion";
    public static final String EXCLUSION_LIST = SLEET + "Exclusion.List";
    public static final String PG_ENUM = SLEET + "PgEnum";
    public static final String ENUM_VALUE = SLEET + "EnumValue";
    public static final String DEFAULT = SLEET + "Default";
    public static final String DEFAULT_NOW = SLEET + "DefaultNow";
    public static final String RENAMED_FROM = SLEET + "RenamedFrom";
    public static final String SOFT_DELETE = SLEET + "SoftDelete";
    public static final String NULLABLE_SIMPLE_NAME = "Nullable";

    private static final String JPA = "jakarta.persistence.";
    public static final String JPA_TABLE = JPA + "Table";
    public static final String JPA_ENTITY = JPA + "Entity";
    public static final String JPA_COLUMN = JPA + "Column";
    public static final String JPA_ID = JPA + "Id";
    public static final String JPA_GENERATED_VALUE = JPA + "GeneratedValue";
    public static final String JPA_ENUMERATED = JPA + "Enumerated";
}
