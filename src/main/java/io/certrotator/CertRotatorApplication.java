package io.certrotator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CertRotatorApplication {
    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(CertRotatorApplication.class, args)));
    }
}
