// ExerciseEngine module
