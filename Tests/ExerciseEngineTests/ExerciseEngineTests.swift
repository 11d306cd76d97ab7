import Testing

@testable import ExerciseEngine
