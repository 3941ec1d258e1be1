package jp.madoguchi.platform;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MadoguchiProperties.class)
@ServedBy({ Role.COUNTER, Role.PUBLIC })
class PlatformConfiguration {

}
