package jp.madoguchi.platform;

import java.io.IOException;
import java.util.Map;

import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;

/**
 * Component-scan filter that leaves out what the process's {@link Role} does not serve.
 * Filtering at scan time, not with conditions on every bean, keeps the rule in one place.
 */
public class RoleTypeFilter implements TypeFilter, EnvironmentAware {

	private Role role = Role.ALL;

	@Override
	public void setEnvironment(Environment environment) {
		this.role = Role.parse(environment.getProperty(Role.PROPERTY, "all"));
	}

	@Override
	public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
		if (role == Role.ALL
				|| reader.getClassMetadata().getClassName().startsWith("jp.madoguchi.MadoguchiApplication")) {
			return false;
		}
		Map<String, Object> attributes = reader.getAnnotationMetadata()
			.getAnnotationAttributes(ServedBy.class.getName());
		Role[] servedBy = (attributes != null) ? (Role[]) attributes.get("value") : new Role[] { Role.COUNTER };
		return !role.runs(servedBy);
	}

}
