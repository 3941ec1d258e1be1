package jp.madoguchi.moving.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Card reading on the notification screen: the agent's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CardAgentProperties.class)
class CardReadingConfiguration {

}
