schema yaml
