// ScenarioLanguage module
